"""The staff app keeps no models of its own: corrections are part of the record (`votes.models.Correction`).
This module stays so that Django sends the app its post_migrate signal (curation.apps syncs the staff groups)."""
