"""Pages to explore by moving things: controls that choose between precomputed states.

No Python runs in the reader's browser, so every state a reader can reach is
computed when the site is built. `explorer` puts on a page a few native
controls (``<select>``, ``<input type="range">``, labelled in the page's
language), the figures and texts of the default state, and a table of every
state (their figures' file names, alt texts and texts) in an attribute that a
small script, ``overrides/assets/javascripts/explore.js``, reads: moving a
control only changes which figure files the ``<img>`` elements show, their alt
text, and the texts (a summary announced politely to screen readers). The
other states' figures are loaded when the reader asks for them.

A figure is layered (`snippets.figures.overlay`): its frame (axes and words, in
the page's language) is drawn once, each state's data as a small layer without
words, the same in both languages. Without the script, the page shows the
default state and no controls.

Like `snippets.publish.show`, it behaves according to where the code runs:
during the site build (``SNIPPETS_FIGURE_DIR`` set) it writes the figures and
prints the HTML; elsewhere (a reader's Python) it prints, as plain text, the
words the page shows: each control with its choices (a slider with its current
choice) and the default state's texts.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from matplotlib.figure import Figure

from snippets.figures import recolour_svg, svg_bytes
from snippets.figures.overlay import SvgPainter
from snippets.i18n import check_lang
from snippets.publish import FIGURE_DIR_VARIABLE

__all__ = ["Control", "Panel", "State", "explorer"]

SCRIPT = "assets/javascripts/explore.js"
"""The script, relative to the site's root (``@root/`` in the HTML: see
scripts/hooks.py)."""

_SVG_SIZE = re.compile(rb'<svg[^>]*?width="([\d.]+)pt"[^>]*?height="([\d.]+)pt"')
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Control:
    """One thing the reader moves.

    Attributes
    ----------
    name
        Its name in the states' keys, e.g. ``"depth"``.
    label
        What it is called on the page, in the page's language.
    values
        The choices as they appear in the keys (strings).
    texts
        What the reader sees for each choice, in the page's language.
    kind
        ``"select"`` (a list) or ``"range"`` (a slider over ordered choices).
    """

    name: str
    label: str
    values: tuple[str, ...]
    texts: tuple[str, ...]
    kind: str = "select"

    def __post_init__(self) -> None:
        if self.kind not in ("select", "range"):
            raise ValueError(f"kind must be 'select' or 'range', got {self.kind!r}")
        if len(self.values) != len(self.texts) or not self.values:
            raise ValueError(
                f"{self.name}: values and texts must be as many, and at least one"
            )
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.name):
            raise ValueError(
                f"name must be lower-case letters, digits and _: {self.name!r}"
            )


@dataclass
class Panel:
    """A layered figure: its frame, and how to paint a state's data on it.

    Attributes
    ----------
    name
        Its name in the states, e.g. ``"signal"``.
    frame
        The frame in the light scheme (`snippets.figures.overlay`).
    paint
        ``paint(painter, frame, state_key)``: paints that state's data.
    shared
        ``shared(state_key)``: states with the same value show the same layer,
        painted once (by default each state has its own).
    """

    name: str
    frame: Figure
    paint: Callable
    shared: Callable = lambda key: key


@dataclass
class State:
    """What one state shows besides its layers.

    Attributes
    ----------
    alt
        ``{panel: alt text}``, in the page's language.
    texts
        ``{slot: HTML}``: the contents of the page's elements named by slot
        (``data-slot``), in the page's language.
    """

    alt: dict[str, str]
    texts: dict[str, str] = field(default_factory=dict)


def explorer(
    name: str,
    controls: Sequence[Control],
    panels: Sequence[Panel],
    states: Mapping[tuple[str, ...], State],
    default: tuple[str, ...],
    lang: str,
    layout: Sequence[str] = (),
) -> None:
    """Print an explorer of ``states``, showing ``default`` first.

    Parameters
    ----------
    name
        Unique on its page: the explorer's id is ``explorer-<name>``, its
        controls' ``explorer-<name>-<control>``.
    controls
        What the reader moves, in order; a state's key has one value of each.
    panels
        The layered figures.
    states
        Every combination of the controls' values, by key.
    default
        The key of the state shown first (and without the script).
    lang
        ``"pt"`` or ``"en"``: the language of the page (of the texts given).
    layout
        The order of the parts below the controls: panel names and text
        slots; by default each text slot, then each panel.
    """
    check_lang(lang)
    keys = list(product_keys(controls))
    missing = [k for k in keys if k not in states]
    if missing or len(states) != len(keys):
        raise ValueError(
            f"states must hold exactly every combination of the controls; "
            f"missing {missing[:3]}"
        )
    if default not in states:
        raise ValueError(f"default {default!r} is not a state")
    slots = list(states[default].texts)
    layout = list(layout) or [*slots, *(p.name for p in panels)]
    figure_dir = os.environ.get(FIGURE_DIR_VARIABLE)
    page_print = _page_print()
    if not figure_dir:
        page_print(_plain(controls, states[default], default, layout, panels))
        return
    folder = Path(figure_dir)
    table = _table(controls, panels, states, folder)
    page_print(_html(name, controls, panels, states, default, layout, table, folder))


def _page_print():
    """The ``print`` of the page's code: markdown-exec captures what a block
    prints by giving it its own, which the functions it calls do not see."""
    import builtins

    frame = sys._getframe(2)
    while frame is not None:
        found = frame.f_globals.get("print")
        if found is not None and found is not builtins.print:
            return found
        frame = frame.f_back
    return builtins.print


def product_keys(controls: Sequence[Control]):
    """Every key: one value of each control, the first control varying slowest."""
    from itertools import product

    return product(*(c.values for c in controls))


def _write(svg: bytes, folder: Path) -> str:
    """Write ``svg`` into ``folder``, named by its content; return ``@fig/<name>``."""
    name = hashlib.sha256(svg).hexdigest()[:20] + ".svg"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if not path.exists():
        path.write_bytes(svg)
    return "@fig/" + name


def _both(svg: bytes, folder: Path) -> list[str]:
    return [_write(svg, folder), _write(recolour_svg(svg, "dark"), folder)]


def _table(controls, panels, states, folder) -> dict:
    """Every state's layer files (light, dark), alt texts and texts."""
    frames = {p.name: svg_bytes(p.frame, whole=True) for p in panels}
    painted: dict[tuple, list[str]] = {}
    files: dict[bytes, list[str]] = {}
    table = {}
    for key, state in states.items():
        layers = {}
        for panel in panels:
            which = (panel.name, panel.shared(key))
            if which not in painted:
                painter = SvgPainter(panel.frame, frames[panel.name])
                panel.paint(painter, panel.frame, key)
                svg = painter.svg()
                if svg not in files:  # the same picture in other states: one file
                    files[svg] = _both(svg, folder)
                painted[which] = files[svg]
            layers[panel.name] = painted[which]
        table["|".join(key)] = {
            "layers": layers,
            "alt": state.alt,
            "texts": state.texts,
        }
    return {"frames": frames, "states": table}


def _size(svg: bytes) -> tuple[int, int]:
    width, height = (round(float(v) * 4 / 3) for v in _SVG_SIZE.search(svg).groups())
    return width, height


def _html(name, controls, panels, states, default, layout, table, folder) -> str:
    esc = html.escape
    parts = [
        f'<div class="explorer" id="explorer-{name}" data-explorer '
        f'data-states="{esc(json.dumps(table["states"], ensure_ascii=False, sort_keys=True))}">',
        '<div class="explorer-controls" hidden>',
    ]
    for control, chosen in zip(controls, default, strict=True):
        ident = f"explorer-{name}-{control.name}"
        index = control.values.index(chosen)
        parts.append('<div class="explorer-control">')
        parts.append(f'<label for="{ident}">{esc(control.label)}</label>')
        if control.kind == "select":
            options = "".join(
                f'<option value="{esc(v)}"{" selected" if v == chosen else ""}>'
                f"{esc(text)}</option>"
                for v, text in zip(control.values, control.texts, strict=True)
            )
            parts.append(
                f'<select id="{ident}" name="{control.name}" data-control>'
                f"{options}</select>"
            )
        else:
            values = esc(json.dumps(list(control.values), ensure_ascii=False))
            texts = esc(json.dumps(list(control.texts), ensure_ascii=False))
            parts.append(
                f'<input type="range" id="{ident}" name="{control.name}" min="0" '
                f'max="{len(control.values) - 1}" step="1" value="{index}" '
                f'data-control data-values="{values}" data-texts="{texts}" '
                f'aria-valuetext="{esc(control.texts[index])}">'
                f'<output for="{ident}" aria-hidden="true">'
                f"{esc(control.texts[index])}</output>"
            )
        parts.append("</div>")
    parts.append("</div>")
    state = table["states"]["|".join(default)]
    panel_names = {p.name for p in panels}
    for part in layout:
        if part in panel_names:
            parts.append(_figure(part, state, table["frames"][part], folder))
        else:
            live = ' aria-live="polite"' if part == layout[0] else ""
            parts.append(
                f'<div class="explorer-text" data-slot="{part}"{live}>'
                f"{state['texts'][part]}</div>"
            )
    parts.append("</div>")
    parts.append(f'<script src="@root/{SCRIPT}" defer></script>')
    return "".join(parts)


def _figure(panel: str, state: dict, frame_svg: bytes, folder: Path) -> str:
    width, height = _size(frame_svg)
    size = f'width="{width}" height="{height}"'
    frames = _both(frame_svg, folder)
    alt = html.escape(state["alt"][panel], quote=True)
    tags = []
    for scheme, layer, frame in zip(
        ("light", "dark"), state["layers"][panel], frames, strict=True
    ):
        tags.append(
            f'<img src="{layer}" class="only-{scheme}" data-panel="{panel}" '
            f'data-scheme="{scheme}" alt="{alt}" {size} loading="lazy" '
            f'decoding="async">'
        )
        tags.append(
            f'<img src="{frame}" class="only-{scheme}" data-frame alt="" {size} '
            f'loading="lazy" decoding="async">'
        )
    return (
        '<figure class="snippets-figure explorer-figure"><div class="explorer-stack">'
        + "".join(tags)
        + "</div></figure>"
    )


def _plain(controls, state, default, layout, panels) -> str:
    """The explorer as text: each control and its choices, then the texts of
    the default state (a reader's Python, which shows no page)."""
    lines = [
        f"{c.label}: "
        + (", ".join(c.texts) if c.kind == "select" else c.texts[c.values.index(v)])
        for c, v in zip(controls, default, strict=True)
    ]
    panel_names = {p.name for p in panels}
    for part in layout:
        if part not in panel_names:
            text = html.unescape(_TAG.sub(" ", state.texts[part]))
            lines.append(re.sub(r"\s+", " ", text).strip())
    return "\n".join(lines)
