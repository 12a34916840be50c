"""XLSForm questionnaires in and out (design.md, "File formats in / Questionnaire: XLSForm").

    result = read_xlsform(Path("apv.xlsx"))     # XlsFormResult(questionnaire, warnings)
    write_xlsform(result.questionnaire, Path("out.xlsx"))

Reading is tolerant of how people write forms and refuses unusable files with an InputError;
writing goes through a temporary file. Export then import gives an equal Questionnaire.
"""

from __future__ import annotations

from apv_desktop.interchange.xlsform_read import XlsFormResult, read_xlsform
from apv_desktop.interchange.xlsform_write import write_xlsform

__all__ = ["XlsFormResult", "read_xlsform", "write_xlsform"]
