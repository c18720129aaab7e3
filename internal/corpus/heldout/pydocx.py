#!/usr/bin/python3
"""Write a DOCX with python-docx from the JSON document model of
internal/corpus/heldout (read on stdin) to the path given as argv[1].

Run with Debian's /usr/bin/python3 (package python3-docx). python-docx
starts from its own default template, so the styles, numbering and
settings parts differ from the Go writer's: that difference is the point.
ZIP times and document dates are made fixed by the Go caller.
"""
import json
import sys

from docx import Document
from docx.enum.section import WD_ORIENT  # noqa: F401  (A4 portrait is the default we set)
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def fill_paragraph(p, spec):
    if spec.get("align") in ALIGN:
        p.alignment = ALIGN[spec["align"]]
    if spec.get("indent"):
        p.paragraph_format.first_line_indent = Twips(spec["indent"])
    p.paragraph_format.space_after = Pt(3)
    for r in spec.get("runs", []):
        run = p.add_run(r["text"])
        if r.get("b"):
            run.bold = True
        if r.get("i"):
            run.italic = True
        if spec.get("size"):
            run.font.size = Pt(spec["size"] / 2)


def no_borders(table):
    tblPr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement("w:" + edge)
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tblPr.append(borders)


def add_table(doc, spec):
    rows = spec["rows"]
    ncols = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=ncols)
    table.autofit = False
    widths = spec.get("widths", [])
    grid = table._tbl.tblGrid
    for ci, gc in enumerate(grid.findall(qn("w:gridCol"))):
        if ci < len(widths):
            gc.set(qn("w:w"), str(widths[ci]))
    if spec.get("borderless"):
        no_borders(table)
    else:
        table.style = doc.styles["Table Grid"]
    for ri, row in enumerate(rows):
        for ci, c in enumerate(row):
            cell = table.cell(ri, ci)
            if ci < len(spec.get("widths", [])):
                cell.width = Twips(spec["widths"][ci])
            paras = c.get("paras", [])
            if not paras:
                continue
            fill_paragraph(cell.paragraphs[0], paras[0])
            for ps in paras[1:]:
                fill_paragraph(cell.add_paragraph(), ps)


def main():
    spec = json.load(sys.stdin)
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = spec.get("font", "Times New Roman")
    normal.font.size = Pt(spec.get("size", 13))
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), normal.font.name)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Twips(11906), Twips(16838)
    sec.left_margin, sec.right_margin = Twips(1701), Twips(1134)
    sec.top_margin, sec.bottom_margin = Twips(1134), Twips(1134)
    if spec.get("columns", 1) > 1:
        cols = sec._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            sec._sectPr.append(cols)
        cols.set(qn("w:num"), str(spec["columns"]))
        cols.set(qn("w:space"), "425")
    for b in spec["blocks"]:
        kind = b["t"]
        if kind == "p":
            fill_paragraph(doc.add_paragraph(), b)
        elif kind == "table":
            add_table(doc, b)
        elif kind == "break":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.core_properties.author = spec.get("author", "Văn thư")
    doc.core_properties.last_modified_by = spec.get("author", "Văn thư")
    doc.core_properties.revision = 1
    doc.save(sys.argv[1])


if __name__ == "__main__":
    main()
