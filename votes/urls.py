"""The public URL scheme (researchers cite it): keep these paths stable."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("votes/", views.vote_list, name="vote-list"),
    path("votes/count/", views.vote_count, name="vote-count"),
    path("votes/<int:pk>/", views.vote_detail, name="vote-detail"),
    path("votes/<int:pk>/blocs/", views.vote_blocs, name="vote-blocs"),
    path("drafts/", views.draft_list, name="draft-list"),
    # A symbol contains slashes (A/C.1/79/L.53/Rev.1): the `path` converter, and the trailing slash stays ours.
    path("drafts/<path:symbol>/", views.draft_detail, name="draft-detail"),
    path("countries/", views.country_list, name="country-list"),
    path("countries/compare/", views.country_compare, name="country-compare"),
    path("countries/<str:iso3>/", views.country_detail, name="country-detail"),
    path("countries/<str:iso3>/analysis/", views.country_analysis, name="country-analysis"),
    path("sessions/<int:number>/ideal-points/", views.session_ideal_points, name="session-ideal-points"),
    path("search/", views.search, name="search"),
    path("groups/", views.group_list, name="group-list"),
    path("groups/<str:code>/", views.group_detail, name="group-detail"),
]
