"""The floors of bench_floors.py: what a careful minimal program does for each path.

Each module runs as its own process (`python benchmarks/floors/<name>.py ...`), so its time
includes the interpreter's start, like `apv-desktop`'s does.
"""
