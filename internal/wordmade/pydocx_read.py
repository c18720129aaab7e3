# The baseline reader: python-docx opening each file and reading every
# paragraph and table cell, as a Python service would. Prints the mean
# wall and CPU nanoseconds per file over REPS passes (interpreter start
# excluded).
#   pydocx_read.py REPS IN.docx…
import sys
import time

import docx


def text(d):
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for r in t.rows:
            for c in r.cells:
                out.append(c.text)
    return out


def main():
    reps, paths = int(sys.argv[1]), sys.argv[2:]
    for p in paths:  # warm the imports and the page cache
        text(docx.Document(p))
    start, cpu = time.perf_counter_ns(), time.process_time_ns()
    for _ in range(reps):
        for p in paths:
            text(docx.Document(p))
    n = reps * len(paths)
    print((time.perf_counter_ns() - start) // n, (time.process_time_ns() - cpu) // n)


main()
