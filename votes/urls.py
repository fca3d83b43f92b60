"""The public URL scheme (researchers cite it): keep these paths stable."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("votes/", views.vote_list, name="vote-list"),
    path("votes/count/", views.vote_count, name="vote-count"),
    # A vote by what it is: its draft's symbol and subject (votes.links.vote_address). The id and Voeten's
    # roll-call id redirect there.
    path("votes/<int:pk>/", views.vote_by_id, name="vote-detail"),
    path("votes/voeten/<int:rcid>/", views.vote_by_roll_call, name="vote-roll-call"),
    path("drafts/", views.draft_list, name="draft-list"),
    # A symbol contains slashes (A/C.1/79/L.53/Rev.1): the `path` converter, and the trailing slash stays ours.
    path("drafts/<path:symbol>/", views.draft_detail, name="draft-detail"),
    path("countries/", views.country_list, name="country-list"),
    path("countries/compare/", views.country_compare, name="country-compare"),
    path("countries/<str:iso3>/", views.country_detail, name="country-detail"),
    path("countries/<str:iso3>/analysis/", views.country_analysis, name="country-analysis"),
    path("sessions/<int:number>/ideal-points/", views.session_ideal_points, name="session-ideal-points"),
    path("search/", views.search, name="search"),
    path("search/count/", views.search_count, name="search-count"),
    path("groups/", views.group_list, name="group-list"),
    path("groups/<str:code>/", views.group_detail, name="group-detail"),
    path("votes/<path:address>/", views.vote_detail, name="vote-page"),
    path("sources/", views.sources, name="sources"),
    path("api/", views.api_page, name="api"),
]

# Data, the same in every language: one address each, without a language prefix (config/urls.py).
data_urlpatterns = [
    path("votes/<int:pk>/blocs/", views.vote_blocs, name="vote-blocs"),
    path("downloads/tally-record.zip", views.record_download, name="record-download"),
    path("api/openapi.json", views.api_document, name="api-document"),
]
