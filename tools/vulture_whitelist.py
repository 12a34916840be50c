"""Names vulture (run by .ci/run) reports as unused but that are used in ways it cannot see.
Each group says why. Anything else vulture finds is dead code: delete it, do not list it here."""

# ruff: noqa: B018, F821
# mypy: ignore-errors

# Qt calls these overrides itself.
_.dropEvent
_.dragEnterEvent
_.lessThan
_.filterAcceptsRow
_.supportedDropActions
_.supportedDragActions
_.mimeTypes
_.dropMimeData
_.hitButton

# openpyxl reads these attributes when it writes the workbook (layout, printing, validation).
_.freeze_panes
_.ref
_.print_area
_.print_title_cols
_.print_title_rows
_.errorTitle
_.promptTitle
_.prompt
_.showErrorMessage
_.showInputMessage
_.fitToWidth
_.fitToHeight
_.fitToPage
_.gridLines
_.hyperlink
_.paperSize
_.horizontalCentered
_.grouping
_.majorUnit
_.gapWidth

# SQLAlchemy calls the 'begin' event listener; the table class is part of the frozen schema.
_begin
TextAnswerRow
RoundUnitRow  # round_unit (schema 4): written and read by store/round_state.py's SQL
_.responses_at_close
_.choice_list_id  # a column of the frozen schema, read by plain.py's SQL

# Fields of records kept for their readers and the documented exit code of a bug (design.md).
compared_items
column_map
EXIT_BUG
NUMBER  # the first column of the action-plan sheet's layout, named with the others

# Public API used by the tests (and meant for callers): the store's per-unit counts, copying an
# item in core.editing, whether a trend change is above noise.
_.response_counts_by_unit
copy_item
_.meaningful

# Hooks GUI tests drive or read (the widget's state, as a user would see it).
_.last_merge
_.choose_unit
_.index_of_unit
_.view_index
_.busy
_.current_unit

# A running import's worker, held by the widget that started it so it is not collected mid-job.
_.sheet_worker
_.import_worker
_.cancel_requested  # read by the worker tests: the other window's job is left running

# PEP 562: the package looks its version up when first asked (apv_desktop/__init__.py).
__getattr__

# The story model (core/story.py) is plain data for every renderer (workbook, board pack);
# the names are there for a renderer that lists facts without their sentence.
_.dimension_name
_.drawing  # tools/screenshots.py waits for the charts on screen
# Read by the GUI tests of the heatmap's rows by background group (the view finds rows by index).
_.index_of_group

# The main window imports its pages by name when it first shows them (ui/pages/registry.py).
OrganisationPage
BuilderPage
CollectionPage
ResultsPage
ActionPlanPage
ReportPage
OverviewPage

# interchange/sheet_rows.py: openpyxl reads these (ExcelWriter and WorksheetWriter call them).
_.images
_._drawing
_.write_rows
