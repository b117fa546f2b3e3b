"""HTML for the content blocks of plans and minutes.

Each function returns one raw HTML block (no blank lines inside, so that
Markdown passes it through untouched). Text goes through `html` for escaping.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from . import html as h
from . import model as m
from .formatting import number, quantity
from .urls import anchor

# Row anchors sit on the row's header cell, not the <tr>: the search index then
# knows the item's name as the anchor's text, and the cell is what a link targets.
EMPTY_CELL = '<td class="op-empty"><span class="op-sr-only">Ingen uppgift</span></td>'


def permalink(target: str, what: str) -> str:
    what = h.plain(what)
    # The visible "#" comes from CSS, so the cell's text (and the search index's name
    # for the anchor) is the item's name alone; the label names the link for screen readers.
    return f'<a class="op-permalink" href="#{target}" aria-label="Länk hit: {h.attr(what)}" title="Länk hit – kopierar adressen"></a>'


def scroll_wrap(table: str, label: str) -> str:
    # A focusable, labelled region lets keyboard users scroll a wide table sideways.
    return (f'<div class="op-table" role="region" tabindex="0" aria-label="{h.attr(label)}">'
            f"{table}</div>")


# --- values ---------------------------------------------------------------

def value_html(value: m.Value) -> str:
    if value.by_series:
        parts = [f'<span class="op-series"><span class="op-series-name">{h.text(name)}</span> '
                 f"{value_html(part)}</span>" for name, part in value.by_series]
        return "<br>".join(parts)
    pieces = []
    if value.number is not None:
        pieces.append(f'<span class="op-number">{h.text(quantity(value.number, value.unit))}</span>')
    if value.text:
        pieces.append(h.inline(value.text))
    if value.note:
        pieces.append(f'<span class="op-note">{h.text(value.note)}</span>')
    return " ".join(pieces)


def value_cell(value: m.Value | None) -> str:
    return f"<td>{value_html(value)}</td>" if value is not None else EMPTY_CELL


def _indicator_cells(indicator: m.Indicator, columns: list[m.Column],
                     target_rowspan: int) -> list[str]:
    cells = []
    for column in columns:
        store = indicator.outcomes if column.kind == "utfall" else indicator.targets
        if column.kind == "målnivå" and indicator.targets_merged_with:
            continue  # covered by the row above's cell
        cell = value_cell(store.get(column.year))
        if column.kind == "målnivå" and target_rowspan > 1:
            cell = cell.replace("<td", f'<td rowspan="{target_rowspan}"', 1)
        cells.append(cell)
    return cells


def _rowspans(rows: list[m.Indicator]) -> dict[str, int]:
    """How many rows each row's target cells span (merged cells in the source)."""
    spans = {row.id: 1 for row in rows}
    owner = {}
    for row in rows:
        head = owner.get(row.targets_merged_with, row.targets_merged_with) if row.targets_merged_with else row.id
        owner[row.id] = head
        if head != row.id:
            spans[head] += 1
    return spans


def _indicator_name(indicator: m.Indicator, previous_link: Callable[[str], str]) -> str:
    extra = ""
    if indicator.previous:
        extra += f' <span class="op-previous">{previous_link(indicator.previous)}</span>'
    return (f"{h.inline(indicator.name)} {permalink(anchor('indikator', indicator.id), indicator.name)}"
            f"{extra}")


def indicator_table(table: m.IndicatorTable, previous_link: Callable[[str], str]) -> str:
    kind_title = "Indikatorer – kvantitativa" if table.kind == "kvantitativ" else "Indikatorer – kvalitativa"
    heading_cell = h.text(table.heading or f"Indikator - {table.kind}")
    if table.kind == "kvalitativ" and not table.columns:
        rows = "".join(
            f'<tr><th scope="row" id="{anchor("indikator", row.id)}">{_indicator_name(row, previous_link)}</th></tr>'
            for row in table.rows)
        return scroll_wrap(f"<table><caption>{kind_title}, bedöms Ja, Delvis eller Nej</caption>"
                           f'<thead><tr><th scope="col">{heading_cell}</th></tr></thead>'
                           f"<tbody>{rows}</tbody></table>", kind_title)
    has_periodicity = any(row.periodicity for row in table.rows)
    head = "".join(f'<th scope="col">{h.text(c.heading)}</th>' for c in table.columns)
    if has_periodicity:
        head += '<th scope="col">Periodicitet</th>'
    spans = _rowspans(table.rows)
    body = []
    for row in table.rows:
        cells = "".join(_indicator_cells(row, table.columns, spans[row.id]))
        if has_periodicity:
            cells += f"<td>{h.text(row.periodicity)}</td>"
        body.append(f'<tr><th scope="row" id="{anchor("indikator", row.id)}">'
                    f'{_indicator_name(row, previous_link)}</th>{cells}</tr>')
    return scroll_wrap(f"<table><caption>{kind_title}</caption>"
                       f'<thead><tr><th scope="col">{heading_cell}</th>{head}</tr></thead>'
                       f"<tbody>{''.join(body)}</tbody></table>", kind_title)


def sub_goal_table(table: m.SubGoalTable, previous_link: Callable[[str], str]) -> str:
    head = "".join(f'<th scope="col">{h.text(c.heading)}</th>' for c in table.columns)
    if table.has_periodicity:
        head += '<th scope="col">Periodicitet</th>'
    body = []
    for sub_goal in table.rows:
        for index, indicator in enumerate(sub_goal.indicators):
            first = ""
            if index == 0:
                first = (f'<th scope="rowgroup" rowspan="{len(sub_goal.indicators)}" '
                         f'id="{anchor("delmal", sub_goal.id)}" class="op-subgoal">'
                         f'{h.inline(sub_goal.text)} {permalink(anchor("delmal", sub_goal.id), sub_goal.text)}</th>')
            cells = "".join(_indicator_cells(indicator, table.columns, 1))
            if table.has_periodicity:
                cells += f"<td>{h.text(indicator.periodicity)}</td>"
            body.append(f'<tr>{first}<th scope="row" id="{anchor("indikator", indicator.id)}">'
                        f"{_indicator_name(indicator, previous_link)}</th>{cells}</tr>")
    return scroll_wrap(
        "<table><caption>Delmål och indikatorer</caption>"
        f'<thead><tr><th scope="col">Delmål</th><th scope="col">Indikatorer</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>", "Delmål och indikatorer")


def assignment_table(table: m.AssignmentTable, body_name: Callable[[str], str]) -> str:
    caption = f"Uppdrag från {body_name(table.giver_id).lower()} till {body_name(table.receiver_id).lower()}"
    rows = []
    for row in table.rows:
        directed = row.directed_to_text
        if not directed and row.directed_to:
            directed = "Riktas till " + ", ".join(
                "alla nämnder och styrelser" if b == "alla" else body_name(b).lower() for b in row.directed_to)
        directed_html = f'<br><span class="op-directed">{h.text(directed)}</span>' if directed else ""
        rows.append(
            f'<tr><td>{h.text(row.status)}</td>'
            f'<th scope="row" id="{anchor("uppdrag", row.id)}">{h.inline(row.text)} {permalink(anchor("uppdrag", row.id), row.text)}{directed_html}</th>'
            f"<td>{h.text(row.periodicity)}</td><td>{h.text(row.end_date)}</td></tr>")
    return scroll_wrap(
        f"<table><caption>{h.text(caption)}</caption><thead><tr>"
        '<th scope="col">Status</th><th scope="col">Uppdrag</th><th scope="col">Periodicitet</th>'
        '<th scope="col">Slutdatum</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>", caption)


def data_table(table: m.Table) -> str:
    caption = table.caption or "Tabell"
    if table.unit and table.unit not in caption:
        caption_html = f"{h.text(caption)} <span class=\"op-unit\">(belopp i {h.text(table.unit)})</span>"
    else:
        caption_html = h.text(caption)
    head = f'<th scope="col">{h.text(table.row_heading)}</th>' + "".join(
        f'<th scope="col">{h.text(c)}</th>' for c in table.columns)
    rows = []
    for row in table.rows:
        name = h.text(f"varav {row.name}" if row.of_which else row.name)
        if row.footnote:
            note_id = f"{anchor('tabell', table.id)}-fotnot-{row.footnote}"
            name += f'<sup><a href="#{note_id}" aria-label="fotnot {h.attr(row.footnote)}">{h.text(row.footnote)})</a></sup>'
        classes = " ".join(c for c in ("op-bold" if row.bold else "", "op-ofwhich" if row.of_which else "") if c)
        class_attr = f' class="{classes}"' if classes else ""
        cells = "".join(
            f'<td class="op-num">{h.text(number(v))}</td>' if v is not None else EMPTY_CELL
            for v in row.values)
        rows.append(f'<tr{class_attr}><th scope="row">{name}</th>{cells}</tr>')
    notes = "".join(
        f'<p class="op-footnote" id="{anchor("tabell", table.id)}-fotnot-{h.attr(k)}">'
        f"<sup>{h.text(k)})</sup> {h.inline(v)}</p>" for k, v in table.footnotes.items())
    return (f'<div class="op-datatable" id="{anchor("tabell", table.id)}">'
            + scroll_wrap(f"<table><caption>{caption_html}</caption><thead><tr>{head}</tr></thead>"
                          f"<tbody>{''.join(rows)}</tbody></table>", caption)
            + notes + "</div>")


def _amount(amount: Decimal, unit: str) -> str:
    sign = "+" if amount > 0 else ""
    return sign + quantity(amount, unit)


def measures(block: m.Measures) -> str:
    rows = "".join(f'<tr><th scope="row">{h.inline(r.text)}</th>'
                   f'<td class="op-num">{h.text(_amount(r.amount, block.unit))}</td></tr>'
                   for r in block.rows)
    if block.total:
        rows += (f'<tr class="op-bold"><th scope="row">{h.inline(block.total.text)}</th>'
                 f'<td class="op-num">{h.text(_amount(block.total.amount, block.unit))}</td></tr>')
    return (f'<p>{h.inline(block.heading)}</p>'
            + scroll_wrap(f"<table><caption>Åtgärder och belopp</caption><thead><tr>"
                          f'<th scope="col">Åtgärd</th><th scope="col">Belopp</th></tr></thead>'
                          f"<tbody>{rows}</tbody></table>", "Åtgärder och belopp"))


def legal_entities(block: m.LegalEntities) -> str:
    if not any(e.kind for e in block.entities):
        return "<ul>" + "".join(f"<li>{h.text(e.name)}</li>" for e in block.entities) + "</ul>"
    rows = "".join(f'<tr><th scope="row">{h.text(e.name)}</th><td>{h.text(e.kind)}</td></tr>'
                   for e in block.entities)
    return scroll_wrap("<table><caption>Juridiska personer</caption><thead><tr>"
                       '<th scope="col">Namn</th><th scope="col">Typ av juridisk person</th></tr></thead>'
                       f"<tbody>{rows}</tbody></table>", "Juridiska personer")


def bullet_list(items: list[str], numbered: bool = False, css: str = "") -> str:
    tag = "ol" if numbered else "ul"
    class_attr = f' class="{css}"' if css else ""
    return f"<{tag}{class_attr}>" + "".join(f"<li>{h.inline(i)}</li>" for i in items) + f"</{tag}>"


def commitments(block: m.Commitments) -> str:
    return (f'<div class="op-commitments"><p class="op-commitments-intro"><strong>{h.inline(block.intro)}'
            f"</strong></p>{bullet_list(block.items)}</div>")


def footnotes(refs: m.FootnoteRefs, notes: dict[str, str]) -> str:
    return '<div class="op-footnotes">' + "".join(
        f'<p class="op-footnote" id="fotnot-{h.attr(n)}"><sup>{h.text(n)}</sup> {h.inline(notes.get(n, ""))}</p>'
        for n in refs.numbers) + "</div>"


def figure(block: m.Figure) -> str:
    return (f'<figure class="op-figure-missing"><figcaption>{h.text(block.caption)}</figcaption>'
            "<p>Figuren finns i originaldokumentet men ingår inte i den publicerade texten.</p></figure>")
