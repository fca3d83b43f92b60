from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from votes.urls import data_urlpatterns

# Pages carry their language in the address: /zh-hans/votes/… in Chinese, /votes/… in English (no prefix, so every
# English address cited so far stays as it was). Data (the API document, the record's download, ?format= twins:
# votes.middleware.DataAddressMiddleware) and the staff admin have one address whatever the language.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include(data_urlpatterns)),
    *i18n_patterns(path("", include("votes.urls")), prefix_default_language=False),
]
