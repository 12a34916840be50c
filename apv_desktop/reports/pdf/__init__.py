"""The board pack: the report as an A4 PDF for the main committee (OMU/HMU), painted with Qt's
PDF writer (the program's one PDF writer, `writer.py`), so charts and tables stay vector and the
text stays text. Qt is imported only by these modules, and only when a PDF is asked for."""
