"""Floor of `report`: openpyxl in write-only mode writing the same cells as the APV report.

    python floor_report.py CELLS.pickle OUT.xlsx

CELLS.pickle (bench_floors.py extracts it from APV Desktop's report) is a list of
(sheet title, rows of cell values).
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from openpyxl import Workbook


def main(cells_path: Path, out: Path) -> None:
    sheets = pickle.loads(cells_path.read_bytes())
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
