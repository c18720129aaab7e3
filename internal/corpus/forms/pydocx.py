#!/usr/bin/python3
"""Write DOCX files with python-docx for the hoso "official forms" corpus.

Usage: pydocx.py JOBS.json
JOBS.json is a list of {"out": path, "doc": {"blocks": [...], "cols": 1|2}}
as written by internal/corpus/forms (doc.pyJSON). python-docx starts from
its default template, which carries Word's full styles.xml, so these files
look to a reader the way Word-made files do: paragraph and run properties
inherited from named styles, "Table Grid" borders, w:tcW on every cell.
Run with Debian's /usr/bin/python3 (package python3-docx).
"""
import datetime
import json
import sys

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
FIXED = datetime.datetime(2020, 1, 1, 8, 0, 0)


def fill_para(p, spec):
    if spec.get("align"):
        p.alignment = ALIGN[spec["align"]]
    if spec.get("indent"):
        p.paragraph_format.first_line_indent = Twips(spec["indent"])
    p.paragraph_format.space_after = Pt(3)
    for r in spec.get("runs") or []:
        run = p.add_run()
        run.text = r["text"]  # python-docx maps \t to w:tab and \n to w:br
        if r.get("b"):
            run.bold = True
        if r.get("i"):
            run.italic = True
        if r.get("u"):
            run.underline = True
        if spec.get("size"):
            run.font.size = Pt(spec["size"] / 2)


def add_table(d, spec):
    widths = spec["widths"]
    rows = spec["rows"]
    t = d.add_table(rows=len(rows), cols=len(widths))
    if not spec.get("borderless"):
        t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    starts = {}  # grid column -> first cell of an open vertical merge
    for ri, row in enumerate(rows):
        col = 0
        for c in row:
            span = c.get("span") or 1
            first = t.cell(ri, col)
            for k in range(col, col + span):
                t.cell(ri, k).width = Twips(widths[k])
            if span > 1:
                first = first.merge(t.cell(ri, col + span - 1))
            if c.get("vmerge") == 2 and col in starts:
                starts[col] = starts[col].merge(first)
            else:
                if c.get("vmerge") == 1:
                    starts[col] = first
                else:
                    starts.pop(col, None)
                paras = c.get("paras") or []
                for i, ps in enumerate(paras):
                    p = first.paragraphs[0] if i == 0 else first.add_paragraph()
                    fill_para(p, ps)
            col += span


def build(spec, out):
    d = Document()
    normal = d.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), "Times New Roman")
    rfonts.set(qn("w:cs"), "Times New Roman")
    sec = d.sections[0]
    sec.page_width, sec.page_height = Twips(11906), Twips(16838)
    sec.top_margin, sec.bottom_margin = Twips(1134), Twips(1134)
    sec.left_margin, sec.right_margin = Twips(1701), Twips(1134)
    if spec.get("cols", 1) > 1:
        cols = OxmlElement("w:cols")
        cols.set(qn("w:num"), str(spec["cols"]))
        cols.set(qn("w:space"), "567")
        sec._sectPr.append(cols)
    for b in spec["blocks"]:
        if b["t"] == "p":
            fill_para(d.add_paragraph(), b)
        elif b["t"] == "br":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif b["t"] == "tbl":
            add_table(d, b)
    cp = d.core_properties
    cp.author = "Văn phòng"
    cp.last_modified_by = "Văn phòng"
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    d.save(out)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    for j in jobs:
        build(j["doc"], j["out"])


if __name__ == "__main__":
    main()
