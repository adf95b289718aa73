"""``replydraft report``: one self-contained HTML page a manager can open offline.

Pure: incidents in, HTML out. No external assets and no script: the chart is inline SVG,
the styles inline CSS, so the file renders the same from a mail attachment, a USB stick
or an intranet page. Every value from a message is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from replydraft.state.incidents import (
    Stats,
    customer,
    escalated,
    feedback,
    feedback_table,
    reply_text,
    signal_order,
    stats,
)
from replydraft.state.store import Incident

__all__ = ["SIGNAL_COLOURS", "render_report"]

# Colour-blind-safe (Okabe-Ito), one per signal, in SIGNALS order.
SIGNAL_COLOURS = {
    "review_threat": "#E69F00", "legal_threat": "#D55E00", "out_of_scope_demand": "#0072B2",
    "overdue_payment": "#009E73", "ultimatum": "#CC79A7", "abusive_language": "#56B4E9",
}
_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433;margin:2rem auto;
max-width:1100px;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .2rem}h2{font-size:1.1rem;margin:2rem 0 .6rem}.sub{color:#5b6475;margin:0 0 1.5rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap}
.card{border:1px solid #dde1e8;border-radius:8px;padding:.7rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.6rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e6e9ef;vertical-align:top}
th{font-weight:600;color:#5b6475;font-size:.85rem}
.tag{display:inline-block;border-radius:4px;padding:0 .35rem;margin:0 .2rem .2rem 0;color:#fff;font-size:.8rem}
q{color:#333;font-style:italic}.legend span{margin-right:1rem;font-size:.85rem}
.legend i{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-1px}
.muted{color:#5b6475}
.person{border:2px solid #D55E00;border-radius:8px;padding:.2rem 1rem .8rem;margin:0 0 1.5rem;background:#fff6f0}
.person h2{color:#D55E00;margin-top:.6rem}
"""


def render_report(incidents: Sequence[Incident], *, since: datetime, now: datetime, company: str) -> str:
    """The whole page for the incidents logged between ``since`` and ``now``."""
    escalations = [i for i in incidents if escalated(i)]
    summary = stats(escalations)
    title = f"Escalations at {company}" if company else "Escalations"
    period = f"{since:%d %b %Y} – {now:%d %b %Y}"
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}, {escape(period)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1><p class=\"sub\">{escape(period)} · generated {now:%Y-%m-%d %H:%M} by "
        f"replydraft</p>",
        _needs_person(incidents),
        _cards(summary, escalations),
        "<h2>Escalations per week, by signal</h2>", _chart(summary, since, now),
        "<h2>Top customers</h2>", _customers(summary, escalations),
        "<h2>Repeat offenders</h2>", _repeat_offenders(summary),
        "<h2>What became of the drafts, by signal</h2>", _feedback(escalations),
        "<h2>Every incident</h2>", _table(escalations),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _needs_person(incidents: Sequence[Incident]) -> str:
    """Messages no draft was written for because a person must answer them (a safety matter,
    an unreadable sender): first on the page, since nobody else will."""
    people = sorted((i for i in incidents if i.status == "needs_person"), key=lambda i: i.created_at, reverse=True)
    if not people:
        return ""
    rows = "".join(f'<tr><td>{i.created_at:%Y-%m-%d %H:%M}</td><td>{escape(customer(i).name)}<br>'
                   f'<span class="muted">{escape(customer(i).email)}</span></td><td>{escape(i.subject)}</td>'
                   f'<td>{escape(i.reason)}</td><td class="muted">{escape(i.id)}</td></tr>' for i in people)
    return (f'<section class="person" id="needs-person"><h2>Needs a person: {len(people)}</h2>'
            '<p>No draft was written for these messages; answer them yourself.</p>'
            "<table><tr><th>When</th><th>Customer</th><th>Subject</th><th>Why</th><th>Incident</th></tr>"
            + rows + "</table></section>")


def _cards(summary: Stats, escalated: Sequence[Incident]) -> str:
    replied = sum(1 for i in escalated if i.reply_state == "replied")
    edited = sum(1 for i in escalated if i.reply_state == "edited")
    cards = [("escalations", summary.total), ("customers", len(summary.by_customer)),
             ("repeat offenders", len(summary.repeat_offenders)), ("replied", replied),
             ("drafts edited, not sent yet", edited)]
    cards += [(name.replace("_", " "), summary.by_signal[name]) for name in signal_order(list(summary.by_signal))]
    return '<div class="cards">' + "".join(f'<div class="card"><b>{n}</b>{escape(label)}</div>'
                                            for label, n in cards) + "</div>"


def _chart(summary: Stats, since: datetime, now: datetime) -> str:
    """A stacked bar per week of the period, inline SVG with a text alternative."""
    weeks = summary.weeks(since.date(), now.date())
    if not summary.total:
        return '<p class="muted">No escalations in this period.</p>'
    names = signal_order(list(summary.by_signal))
    peak = max(summary.in_week(w) for w in weeks) or 1
    width, height, left, bottom = 760, 240, 36, 28
    bar = min(48.0, (width - left) / len(weeks) * 0.7)
    step = (width - left) / len(weeks)
    scale = (height - bottom - 10) / peak
    svg = [f'<svg id="chart" role="img" aria-label="Incidents per week by signal" viewBox="0 0 {width} {height}" '
           f'width="100%" style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg">',
           f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#8a93a5"/>',
           f'<text x="{left - 6}" y="{height - bottom - peak * scale + 4:.0f}" text-anchor="end" font-size="11" '
           f'fill="#5b6475">{peak}</text>',
           f'<text x="{left - 6}" y="{height - bottom + 4}" text-anchor="end" font-size="11" fill="#5b6475">0</text>']
    for n, week in enumerate(weeks):
        x, y = left + n * step + (step - bar) / 2, float(height - bottom)
        for name in names:
            count = summary.in_week(week, name)
            if count:
                h = count * scale
                y -= h
                svg.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                           f'fill="{SIGNAL_COLOURS[name]}"><title>week of {week:%d %b}: {count} '
                           f'{escape(name)}</title></rect>')
        svg.append(f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="11" '
                   f'fill="#5b6475">{week:%d %b}</text>')
    svg.append("</svg>")
    legend = '<p class="legend">' + "".join(f'<span><i style="background:{SIGNAL_COLOURS[n]}"></i>'
                                            f'{escape(n.replace("_", " "))}</span>' for n in names) + "</p>"
    note = '<p class="muted">A message with two signals counts once for each.</p>'
    return "".join(svg) + legend + note


def _customers(summary: Stats, escalated: Sequence[Incident]) -> str:
    if not summary.by_customer:
        return '<p class="muted">None.</p>'
    names = {i.sender: i.sender_name for i in escalated}
    rows = [f"<tr><td>{escape(names.get(email, ''))}</td><td>{escape(email)}</td><td>{n}</td>"
            f"<td>{summary.last_by_customer[email]:%Y-%m-%d}</td></tr>" for email, n in summary.top_customers()]
    return ("<table><tr><th>Customer</th><th>Address</th><th>Incidents</th><th>Last</th></tr>"
            + "".join(rows) + "</table>")


def _repeat_offenders(summary: Stats) -> str:
    if not summary.repeat_offenders:
        return '<p class="muted">None in this period.</p>'
    return ("<table><tr><th>Address</th><th>Incidents marked repeat offender</th><th>All incidents</th></tr>"
            + "".join(f"<tr><td>{escape(email)}</td><td>{n}</td><td>{summary.by_customer[email]}</td></tr>"
                      for email, n in summary.repeat_offenders.most_common()) + "</table>")


def _feedback(escalated: Sequence[Incident]) -> str:
    """Weak feedback per signal: drafts sent, edited, deleted unedited (as `evaluate --local` prints it)."""
    counts = feedback(escalated)
    if not counts:
        return '<p class="muted">No drafts in this period.</p>'
    head, *rows = feedback_table(counts)
    return ('<table id="feedback"><tr>' + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"
            + "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
            + '</table><p class="muted">Weak feedback, not labels: a draft sent says the escalation was real; '
            "one deleted unedited leans the other way, or the reply didn't fit. "
            "<code>replydraft evaluate --local</code> measures detection on what the team taught.</p>")


def _table(escalated: Sequence[Incident]) -> str:
    if not escalated:
        return '<p class="muted">None.</p>'
    rows = []
    for i in sorted(escalated, key=lambda i: i.created_at, reverse=True):
        who = customer(i)
        tags = "".join(f'<span class="tag" style="background:{SIGNAL_COLOURS.get(s.name, "#777")}">'
                       f'{escape(s.name.replace("_", " "))} {s.score:.2f}</span>' for s in i.signals)
        quotes = "<br>".join(f"<q>{escape(e)}</q>" for s in i.signals for e in s.evidence)
        rows.append(f'<tr><td>{i.created_at:%Y-%m-%d %H:%M}</td>'
                    f'<td>{escape(who.name)}<br><span class="muted">{escape(who.email)}</span></td>'
                    f'<td>{escape(i.subject)}</td><td>{tags}</td><td>{quotes}</td>'
                    f'<td>{escape(reply_text(i))}{" · repeat offender" if i.repeat_offender else ""}'
                    f'<br><span class="muted">{escape(i.id)}</span></td></tr>')
    return ("<table><tr><th>When</th><th>Customer</th><th>Subject</th><th>Signals</th><th>Their words</th>"
            "<th>Reply</th></tr>" + "".join(rows) + "</table>")
