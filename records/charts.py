"""Charts as SVG, drawn on the server by pygal, for pages that work without JavaScript and print.

pygal lays out axes, bars, stacking and legends. What it adds for its own interactive mode (an
inline stylesheet, a script with its configuration, the hidden tooltip) is taken out: the site's
Content-Security-Policy refuses inline styles and scripts, and the charts take their colours and
fonts from the one stylesheet (static/archive.css, under .chart), so they follow its print and
dark rules like the rest of the page.
"""
from xml.etree import ElementTree

import pygal
from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH, HEIGHT = 800, 360
# pygal's interactive parts: its stylesheet and script, its <title> ("Pygal") and each guide's,
# and the <desc> values its tooltips read.
DROPPED = {"style", "script", "title", "desc"}


def _config(**options):
    return {**dict(width=WIDTH, height=HEIGHT, explicit_size=False, js=[], css=[], disable_xml_declaration=True,
                   show_legend=False, margin=12,  # the legend is the page's (includes/chart_legend.html)
                   print_values=False, truncate_label=40, truncate_legend=40,
                   # The sizes the stylesheet gives the text, so that pygal leaves room for it.
                   label_font_size=13, major_label_font_size=13, legend_font_size=13), **options}


def over_years(series, chart_id):
    """Stacked columns, a column per year and a colour per row of the Series."""
    chart = pygal.StackedBar(**_config(x_label_rotation=0, show_minor_x_labels=len(series.columns) <= 16,
                                       x_labels_major_every=max(1, len(series.columns) // 8)))
    chart.x_labels = [str(year) for year in series.columns]
    chart.y_labels = _whole_numbers(max(map(sum, zip(*(values for _, values in series.rows)))))
    for label, values in series.rows:
        chart.add(label, values)
    return _svg(chart, series, chart_id)


def ranking(series, chart_id):
    """Horizontal bars, the largest first, one row of the Series."""
    chart = pygal.HorizontalBar(**_config(height=max(160, 28 * len(series.columns) + 60)))
    chart.x_labels = [_short(label) for label in reversed(series.columns)]  # pygal draws the first at the bottom
    for label, values in series.rows:
        chart.add(label, list(reversed(values)))
    return _svg(chart, series, chart_id)


def _whole_numbers(top):
    """At most about eight ticks, on whole, round numbers (1, 2 or 5 times a power of ten)."""
    step = 1
    while top / step > 8:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2  # 1, 2, 5, 10, 20, 50, ...
    return list(range(0, top + step, step))


def _short(label, length=36):
    """A label cut to fit beside its bar; the data table has it whole."""
    label = str(label)
    return label if len(label) <= length else label[:length - 1].rstrip() + "…"


def _svg(chart, series, chart_id):
    root = chart.render_tree()  # untitled: the page's heading is the title; the SVG gets one for screen readers
    for parent in root.iter():
        for child in list(parent):
            if _name(child) in DROPPED or "tooltip-overlay" in child.get("class", ""):
                parent.remove(child)
    root.set("id", chart_id)
    root.set("class", "chart")
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart_id}-title")
    title = ElementTree.Element("title", id=f"{chart_id}-title")
    title.text = series.title
    root.insert(0, title)
    root.set("preserveAspectRatio", "xMinYMin meet")
    text = ElementTree.tostring(root, encoding="unicode")
    return mark_safe(text)  # pygal escapes the labels it writes; the tree is serialised by ElementTree


def _name(element):
    """An element's tag without its namespace; comments have none."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def describe(series):
    """A sentence for screen readers and for the page when a chart has nothing to show."""
    return escape(f"{series.title}: no {series.unit} in this period.")
