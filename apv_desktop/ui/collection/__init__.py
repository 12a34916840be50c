"""The collection stage: kiosk, paper entry, response files, merging laptops."""
