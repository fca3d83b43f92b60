import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_shows_counts_of_what_is_loaded(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert b'data-count="drafts">0<' in response.content
    assert b"htmx-2.0.10.min.js" in response.content
