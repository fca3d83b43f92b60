from django.shortcuts import render

from .models import Draft, Position, Session, Vote


def home(request):
    """Counts of what is loaded, with links into the data."""
    counts = {
        "sessions": Session.objects.filter(votes__isnull=False).distinct().count(),
        "drafts": Draft.objects.count(),
        "recorded_votes": Vote.objects.recorded().count(),
        "positions": Position.objects.count(),
    }
    return render(request, "home.html", {"counts": counts})
