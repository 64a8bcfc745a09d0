"""The patient page's taper chart as inline SVG, drawn by pygal on the server (no script in the page)."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence
from xml.etree import ElementTree

import pygal
from pygal.etree import etree as pygal_etree
from pygal.style import Style

pygal_etree.to_etree()  # the standard library's tree even if lxml is installed: _inline edits it as one

from shared.domain.taper_chart import TaperChart

# Series are told apart by line pattern and dot size as well as colour, and the legend names each one.
STYLE = Style(background="#ffffff", plot_background="#ffffff", foreground="#1d2330", foreground_strong="#1d2330",
              foreground_subtle="#d8dce3", opacity=".25", opacity_hover=".25", transition="none",
              font_family="system-ui, sans-serif", label_font_size=13, major_label_font_size=13,
              legend_font_size=13, value_font_size=11, tooltip_font_size=12, title_font_size=15,
              guide_stroke_color="#e3e6eb", major_guide_stroke_color="#e3e6eb", guide_stroke_dasharray="0",
              major_guide_stroke_dasharray="0", colors=("#8d99ae", "#1d3557", "#b00020", "#5b6475", "#d62828", "#0b6e4f", "#7b2cbf"))
LINES = {"Symptoms (0-10)": "symptoms", "Mood (0-10)": "mood", "Withdrawal (0-3)": "withdrawal"}
DASHES = {"symptoms": "8, 4", "mood": "2, 4", "withdrawal": "12, 4, 2, 4"}


def taper_svg(chart: TaperChart, title: str) -> str:
    """The chart as an <svg> element string, with a <title> and <desc>, safe to place inline."""
    top = 5 if max(float(d) for _, d in chart.dose_steps) <= 5 else 6   # one scale for every patient

    plot = pygal.DateLine(style=STYLE, js=[], disable_xml_declaration=True, width=900, height=360,
                          show_dots=True, dots_size=4, stroke=True, fill=False, range=(0, top), secondary_range=(0, 2 * top),
                          y_labels=list(range(top + 1)),
                          x_label_rotation=0, truncate_label=-1, legend_at_bottom=True, legend_at_bottom_columns=4,
                          x_value_formatter=_short_day, value_formatter=lambda v: f"{v:g}", y_title="Dose (mg)",
                          margin_bottom=4, spacing=8, show_x_guides=False, print_values=False,
                          x_labels=_ticks(chart.first_day, chart.last_day))
    for n, (first, last) in enumerate(chart.held):  # drawn first, under the lines
        plot.add("Held" if n == 0 else "", [(first, top), (last + timedelta(days=1), top)], fill=True, dots_size=0,
                 stroke_style={"width": 0})
    if not chart.held:
        plot.add("Held", [None])
    plot.add("Dose (mg)", _staircase(chart), stroke_style={"width": 3}, dots_size=0)
    for label, question in LINES.items():
        plot.add(label, _or_empty([(d, v) for d, v in chart.scores[question]]), secondary=True,
                 stroke_style={"width": 2, "dasharray": DASHES[question]}, dots_size=5 if question == "symptoms" else 4)
    plot.add("Escalation", _or_empty([(d, top) for d, _ in chart.escalation_days]), stroke=False, dots_size=8)
    plot.add("Today", [(chart.today, 0), (chart.today, top)], stroke_style={"width": 2, "dasharray": "1, 3"},
             dots_size=0)
    return _inline(plot, title)


def _or_empty(points: Sequence[tuple[date, float]]) -> list[tuple[date, float] | None]:
    """The points, or pygal's empty series ([None]: no point, but the legend still names it)."""
    return [*points] or [None]


def _staircase(chart: TaperChart) -> list[tuple[date, float]]:
    """Steps as a staircase: each dose held flat until the next step's first day."""
    points: list[tuple[date, float]] = []
    steps = list(chart.dose_steps)
    for (day, dose), nxt in zip(steps, steps[1:] + [None]):
        points.append((day, float(dose)))
        points.append((nxt[0] if nxt else max(day, chart.last_day), float(dose)))
    return points


def _ticks(first: date, last: date) -> list[date]:
    span = max((last - first).days, 1)
    every = max(1, round(span / 8))
    return [first + timedelta(days=n) for n in range(0, span + 1, every)]


def _short_day(value: date) -> str:
    return f"{value:%b} {value.day}"


def _stroke_lines(plot: pygal.DateLine, tree: ElementTree.Element) -> None:
    """Each series' own line width and pattern, on its path (pygal's stylesheet would override a series rule)."""
    options = [kw for _, kw in plot.raw_series if not kw.get("secondary")] + \
        [kw for _, kw in plot.raw_series if kw.get("secondary")]          # pygal numbers series in this order
    styles = {n: kw["stroke_style"] for n, kw in enumerate(options) if kw.get("stroke_style")}
    for group in tree.iter():
        classes = (group.get("class") or "").split()
        if "series" not in classes:
            continue
        index = next((int(c[6:]) for c in classes if c.startswith("serie-")), None)
        style = styles.get(index) if index is not None else None
        for path in group.iter():
            if style and "line" in (path.get("class") or "").split():
                path.set("style", ";".join(f"stroke-{k}:{v}" for k, v in style.items()))


def _inline(plot: pygal.DateLine, title: str) -> str:
    """pygal's SVG with its scripts removed and an accessible name (the table beside it carries the data)."""
    tree = plot.render_tree()
    ns = "{http://www.w3.org/2000/svg}"
    for parent in list(tree.iter()):
        for child in list(parent):
            if child.tag in ("script", ns + "script") or child.tag is ElementTree.Comment:
                parent.remove(child)
    _stroke_lines(plot, tree)
    tree.set("role", "img")
    tree.set("aria-labelledby", "taper-chart-title")
    tree.set("aria-describedby", "taper-chart-desc")
    tree.set("class", "taper-chart")
    heading = ElementTree.Element("title", id="taper-chart-title")
    heading.text = title
    about = ElementTree.Element("desc", id="taper-chart-desc")
    about.text = ("Line chart of the dose in mg on each day of the plan, with the check-in answers on the same days, "
                  "escalations, today and any time on hold marked; a table on this page lists the same answers.")
    tree.insert(0, heading)
    tree.insert(1, about)
    return ElementTree.tostring(tree, encoding="unicode")
