"""Pages of the record's lists, read in two steps: the page's keys (filters and order only), then its rows."""

from __future__ import annotations

from functools import cached_property

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _


def rows_in_order(keys: list, fetch, carried: tuple[str, ...] = ()) -> list:
    """The rows of `keys` read by `fetch(keys)` (the listing's joins, no filters), in the order of `keys`: the
    second of two steps, after the keys were read with the filters and the order only. With `carried`, each key
    is a tuple (primary key, then the values of those annotations of the filtered query), set on its row: what the
    filters' joins read anyway (a country's position) is not joined a second time (planning a country's position
    joins took ~2 ms of each query)."""
    if not keys:
        return []
    carried_values = {}
    if carried:
        carried_values = {key[0]: key[1:] for key in keys}
        keys = list(carried_values)
    rows = {row.pk: row for row in fetch(keys).order_by()}
    for key, values in carried_values.items():
        if key in rows:
            for name, value in zip(carried, values):
                setattr(rows[key], name, value)
    return [rows[key] for key in keys if key in rows]


class TwoStepPaginator(Paginator):
    """Pages of a QuerySet fetched in two steps: the page's primary keys first (filters and order only, without
    the joins of select_related, so a deep page does not join every row it skips), then the rows of those keys,
    by `fetch(keys)` (a query without the filters, which a text search would otherwise run twice). Optionally
    told its count (from an aggregate the page runs anyway), saving the COUNT query; and which of its annotations
    the first step reads for the rows (`carried`, see rows_in_order)."""

    def __init__(self, object_list, per_page, count: int | None = None, fetch=None, carried: tuple[str, ...] = (), **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count
        self._fetch = fetch or (lambda keys: self.object_list.filter(pk__in=keys))
        self._carried = tuple(carried)

    @cached_property
    def count(self) -> int:
        return self._known_count if self._known_count is not None else super().count

    def keys(self, bottom: int, top: int) -> list:
        if self._carried:
            return list(self.object_list.values_list("pk", *self._carried)[bottom:top])
        return list(self.object_list.values_list("pk", flat=True)[bottom:top])

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        keys = self.keys(bottom, min(bottom + self.per_page, self.count))
        return self._get_page(rows_in_order(keys, self._fetch, self._carried), number, self)


class UncountedPage(Page):
    """A page of an UncountedPaginator: whether a next page exists is known from the one key fetched beyond it."""

    def __init__(self, object_list, number, paginator, more: bool):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self) -> bool:
        return self.more

    def end_index(self) -> int:
        # Django's compares the number with num_pages, unknown here.
        return self.start_index() + len(self.object_list) - 1 if self.object_list else 0


class UncountedPaginator(TwoStepPaginator):
    """For lists whose count costs more than their page (the votes a frequent word is in: ~7,000 rows rechecked to
    count them, against 50 read for the page): `count` and `num_pages` are None, a page fetches one key beyond
    itself to know whether a next page exists, and the template links to the previous and next pages only. The
    count is loaded after the page, from its own address (`vote_count`)."""

    count = None
    num_pages = None

    def validate_number(self, number) -> int:
        """Any whole number from 1 up: a page past the end is empty, with a link back."""
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(_("That page number is not an integer"))
        if number < 1:
            raise EmptyPage(_("That page number is less than 1"))
        return number

    def get_page(self, number):
        try:
            return self.page(number)
        except (PageNotAnInteger, EmptyPage):
            return self.page(1)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        keys = self.keys(bottom, bottom + self.per_page + 1)
        more, keys = len(keys) > self.per_page, keys[: self.per_page]
        return UncountedPage(rows_in_order(keys, self._fetch, self._carried), number, self, more)
