"""The server-rendered line chart: its marks and its table twin give the same points, gaps and intervals kept."""

import re

from django.template.loader import render_to_string

from votes.analysis.charts import LineChart, Point


def chart_with_gap_and_intervals():
    return LineChart(
        title="Ideal point of <Ruritania>",
        points=[
            Point("61", 0.25, 120, low=0.1, high=0.4),
            Point("62", None, 0),  # no votes that session: a gap in the line, a row with "–"
            Point("63", 0.75, 1234, low=0.5, high=1.0),
            Point("64", 1.0, None, low=0.9, high=1.1),
        ],
        y_min=-1.0,
    )


def test_line_chart_marks_and_table_give_the_same_points():
    chart = chart_with_gap_and_intervals()
    html = render_to_string("votes/analysis/_line_chart.html", {"chart": chart, "chart_id": "c"})
    dots = re.findall(r'<circle class="dot" cx="([\d.]+)" cy="([\d.]+)" r="2.5"><title>([^<]*)</title>', html)
    assert [title for _, _, title in dots] == ["61: 0.250 (n = 120)", "63: 0.750 (n = 1234)", "64: 1.000"]
    assert [(float(x), float(y)) for x, y, _ in dots] == [(p.x, p.y) for p in chart.points if p.value is not None]
    # The gap splits the line in two runs, drawn after the intervals (under the dots).
    assert re.findall(r'<polyline class="series" fill="none" points="([^"]*)"/>', html) == chart.segments
    assert len(chart.segments) == 2
    assert html.index('class="interval"') < html.index('class="series"') < html.index('class="dot"')
    assert html.count('<line class="interval"') == 3
    rows = re.findall(r"<tr><th scope=\"row\">(\w+)</th>((?:<td>[^<]*</td>)+)</tr>", html)
    assert [(label, re.findall(r"<td>([^<]*)</td>", cells)) for label, cells in rows] == [
        ("61", ["0.250", "0.10 – 0.40", "120"]),
        ("62", ["–", "", "0"]),
        ("63", ["0.750", "0.50 – 1.00", "1234"]),
        ("64", ["1.000", "0.90 – 1.10", "–"]),
    ]


def test_line_chart_escapes_its_labels():
    chart = LineChart(title="t", points=[Point("<b>", 0.5, 3)])
    html = render_to_string("votes/analysis/_line_chart.html", {"chart": chart, "chart_id": "c"})
    assert "<b>" not in html and "&lt;b&gt;: 0.500 (n = 3)" in html and '<th scope="row">&lt;b&gt;</th>' in html


def test_a_chart_is_kept_rendered_by_everything_it_shows():
    from django.core.cache import caches

    def rendered(chart, chart_id="c"):
        return render_to_string("votes/analysis/_line_chart.html", {"chart": chart, "chart_id": chart_id})

    caches["fragments"].clear()
    first = rendered(LineChart(title="t", points=[Point("61", 0.5, 3), Point("62", 0.25, 4)]))
    kept = set(caches["fragments"]._cache)
    assert len(kept) == 1
    assert rendered(LineChart(title="t", points=[Point("61", 0.5, 3), Point("62", 0.25, 4)])) == first
    assert set(caches["fragments"]._cache) == kept  # the same numbers: served as kept
    moved = rendered(LineChart(title="t", points=[Point("61", 0.5, 3), Point("62", 0.75, 4)]))
    assert "0.750" in moved and "0.250" not in moved
    assert 'id="d"' in rendered(LineChart(title="t", points=[Point("61", 0.5, 3), Point("62", 0.25, 4)]), "d")
    caches["fragments"].clear()
