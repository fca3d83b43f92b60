from votes.management.commands import ingest_report
from votes.plenary import ingest_plenary_file


class Command(ingest_report.Command):
    help = (
        "Parse, check and store plenary verbatim records (A/79/PV.29, as text or PDF), one transaction per record: "
        "their votes become plenary votes (body GA) on their drafts, linked to a committee's draft when its report "
        "is stored. Idempotent."
    )
    noun = "record"
    ingest_file = staticmethod(ingest_plenary_file)
