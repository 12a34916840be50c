"""The department texts as a Word document (.docx) the OMU secretary merges into the
committee's papers: a title, then per department a Heading 1, its section headings as Heading 2
and its points as bullets (the story's department blocks, as in the workbook and the PDF).

Written as the few OOXML parts Word needs (content types, relationships, styles, numbering,
document, core properties) rather than through python-docx: the document is this small, it
needs no template file in the frozen bundle, and no lxml. The built-in style names (Title,
Heading 1, Heading 2, List Bullet) are used, so Word's navigation pane, a table of contents and
the secretary's own template take them over when the text is pasted or merged."""

from __future__ import annotations

import zipfile
from io import BytesIO
from xml.sax.saxutils import escape

from apv_desktop.core.story import DepartmentBlock

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_R = "http://schemas.openxmlformats.org/package/2006/relationships"
_FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # zip entries carry no moment of writing

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""  # noqa: E501

PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PACKAGE_R}">
<Relationship Id="rId1" Type="{_R}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""  # noqa: E501

DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PACKAGE_R}">
<Relationship Id="rId1" Type="{_R}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{_R}/numbering" Target="numbering.xml"/>
</Relationships>"""


def _style(style_id: str, name: str, size: int, *, bold: bool = False, colour: str = "",
           before: int = 0, after: int = 120, numbered: bool = False, level: int = -1) -> str:
    colour_tag = f'<w:color w:val="{colour}"/>' if colour else ""
    run = f'<w:rPr>{"<w:b/>" if bold else ""}{colour_tag}<w:sz w:val="{size}"/></w:rPr>'
    numbering = '<w:numPr><w:numId w:val="1"/></w:numPr>' if numbered else ""
    outline = f'<w:outlineLvl w:val="{level}"/>' if level >= 0 else ""
    keep = "<w:keepNext/>" if level >= 0 else ""
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            '<w:basedOn w:val="Normal"/><w:qFormat/>'
            f'<w:pPr>{keep}{numbering}<w:spacing w:before="{before}" w:after="{after}"/>'
            f'{outline}</w:pPr>{run}</w:style>')


STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{_W}">'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" '
          'w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="da-DK"/></w:rPr></w:rPrDefault>'
          '</w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
          '<w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr></w:style>'
          + _style("Title", "Title", 40, colour="1F4E78", after=240)
          + _style("Heading1", "heading 1", 32, bold=True, colour="1F4E78", before=360, level=0)
          + _style("Heading2", "heading 2", 24, bold=True, before=200, after=80, level=1)
          + _style("ListBullet", "List Bullet", 22, after=60, numbered=True)
          + "</w:styles>")

NUMBERING = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{_W}">'
             '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
             '<w:lvlText w:val="•"/><w:lvlJc w:val="left"/>'
             '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def _paragraph(text: str, style: str = "") -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return (f'<w:p>{properties}<w:r><w:t xml:space="preserve">{_text(text)}</w:t></w:r></w:p>')


def _text(text: str) -> str:
    """Text as XML character data: escaped, and without the control characters XML forbids."""
    return escape("".join(c for c in text if c in "\t" or ord(c) >= 32))


def _core(title: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{_text(title)}</dc:title><dc:creator>APV Desktop</dc:creator>"
            "</cp:coreProperties>")


def department_texts_docx(title: str, departments: list[DepartmentBlock]) -> bytes:
    """The document as the bytes of a .docx file: per department its name, why its figures
    are hidden (when they are), its section headings and their bullets."""
    body = [_paragraph(title, "Title")]
    for block in departments:
        body.append(_paragraph(block.name, "Heading1"))
        if block.hidden:
            body.append(_paragraph(block.hidden_reason))
        for section in block.sections:
            if section.heading:
                body.append(_paragraph(section.heading, "Heading2"))
            body.extend(_paragraph(bullet, "ListBullet") for bullet in section.bullets)
    page_setup = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" '
               'w:right="1134" w:bottom="1418" w:left="1134" w:header="709" w:footer="709" '
               'w:gutter="0"/></w:sectPr>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>'
                + "".join(body) + page_setup + "</w:body></w:document>")
    parts = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS),
             ("word/_rels/document.xml.rels", DOCUMENT_RELS), ("word/document.xml", document),
             ("word/styles.xml", STYLES), ("word/numbering.xml", NUMBERING),
             ("docProps/core.xml", _core(title))]
    stream = BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts:
            package.writestr(zipfile.ZipInfo(name, _FIXED_TIME), content.encode("utf-8"),
                             zipfile.ZIP_DEFLATED)
    return stream.getvalue()
