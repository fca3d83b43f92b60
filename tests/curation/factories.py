"""Factories for the records the curation tests build by hand (the seed report gives the rest)."""

import factory

from votes.models import Body, Draft, Paragraph, Session


class DraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Draft

    symbol = factory.Sequence(lambda n: f"A/C.1/79/L.{90 + n}")
    kind = Draft.Kind.RESOLUTION
    title_en = factory.Sequence(lambda n: f"Draft resolution number {n}")
    session = factory.LazyFunction(lambda: Session.for_number(79))
    body = factory.LazyFunction(lambda: Body.objects.get(code="C.1"))


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paragraph

    draft = factory.SubFactory(DraftFactory)
    part = Paragraph.Part.PREAMBULAR
    number = 18
    voted_label = "PP18"
    label = "PP18"
    order = 17
    text_en = "Stressing the importance of international cooperation,"
