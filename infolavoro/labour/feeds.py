"""An Atom feed of the board, one per filter (the board's query string)."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import selectors
from .jobposting import vacancy_url


class VacancyFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, desk_slug):
        self.filters = {k: request.GET.get(k, "")[:100] for k in selectors.BOARD_FILTERS if request.GET.get(k)}
        self.desk = request.desk
        return request.desk

    def title(self, desk):
        return _("Offerte di lavoro – %(name)s %(comune)s") % {"name": desk.name, "comune": desk.comune}

    def link(self, desk):
        return reverse("opportunities:index", args=[desk.slug])

    def subtitle(self, desk):
        return _("Offerte pubblicate dallo sportello, verificate prima della pubblicazione.")

    def items(self, desk):
        return selectors.board(desk, self.filters)[:100]

    def item_title(self, item):
        return f"{item.title} – {item.employer.name} ({item.comune})"

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return vacancy_url(item, self.desk)

    def item_pubdate(self, item):
        return dt.datetime.combine(item.published_on, dt.time(8), tzinfo=self.desk.tz) if item.published_on else None

    def item_updateddate(self, item):
        return item.state_changed_at
