"""Geometry of the server-rendered SVG charts (the markup is the templates'): numbers in, coordinates out."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Point:
    label: str  # the x value as shown (a session number)
    value: float | None
    n: int | None = None  # what the value rests on (votes), for the table twin
    low: float | None = None  # an interval around the value, if any (ideal points ± 2 s.e.)
    high: float | None = None
    x: float = 0.0
    y: float | None = None
    y_low: float | None = None
    y_high: float | None = None
    text: str = "–"  # the value as the table and the tooltip show it (formatted once, not per template filter)
    interval: str = ""


@dataclass
class LineChart:
    """A line over ordered points (sessions), y from `y_min` to `y_max`; gaps where a value is None."""

    title: str
    points: list[Point]
    y_min: float = 0.0
    y_max: float = 1.0
    y_label: str = ""
    width: int = 720
    height: int = 240
    margin: int = 40
    segments: list[str] = field(default_factory=list)  # SVG polyline point lists, one per run without gaps
    y_ticks: list[tuple[float, float]] = field(default_factory=list)  # (value, y)
    x_ticks: list[tuple[str, float]] = field(default_factory=list)

    def __post_init__(self):
        values = [v for p in self.points for v in (p.value, p.low, p.high) if v is not None]
        if values and (min(values) < self.y_min or max(values) > self.y_max):
            self.y_min, self.y_max = min(self.y_min, min(values)), max(self.y_max, max(values))
        span = (self.y_max - self.y_min) or 1.0
        inner_w, inner_h = self.width - 2 * self.margin, self.height - 2 * self.margin
        count = max(len(self.points) - 1, 1)

        def y_of(value: float) -> float:
            return round(self.margin + inner_h * (1 - (value - self.y_min) / span), 1)

        run: list[str] = []
        for index, point in enumerate(self.points):
            point.x = round(self.margin + inner_w * index / count, 1)
            if point.value is None:
                if run:
                    self.segments.append(" ".join(run))
                run = []
                continue
            point.y = y_of(point.value)
            point.text = f"{point.value:.3f}"
            if point.low is not None and point.high is not None:
                point.interval = f"{point.low:.2f} – {point.high:.2f}"
            point.y_low = y_of(point.low) if point.low is not None else None
            point.y_high = y_of(point.high) if point.high is not None else None
            run.append(f"{point.x},{point.y}")
        if run:
            self.segments.append(" ".join(run))
        self.y_ticks = [(round(self.y_min + span * k / 4, 2), y_of(self.y_min + span * k / 4)) for k in range(5)]
        step = max(1, len(self.points) // 10)
        self.x_ticks = [(p.label, p.x) for p in self.points[::step]]
        self.bottom = self.height - self.margin
        self.right = self.width - self.margin


@dataclass
class ShareBar:
    """One stacked bar of shares (yes / no / abstain / absent) per session."""

    label: str
    counts: dict[str, int]
    labels: dict[str, str] = field(default_factory=dict)  # position → its name in the page's language
    segments: list[tuple[str, float, float, int, str]] = field(default_factory=list)  # (position, x, width %, count, name)

    def __post_init__(self):
        total = sum(self.counts.values()) or 1
        x = 0.0
        for value, count in self.counts.items():
            width = round(100 * count / total, 2)
            self.segments.append((value, round(x, 2), width, count, self.labels.get(value, value)))
            x += width
        self.total = sum(self.counts.values())
