"""One module per screen of PRODUCT.md: today, board, journal, contacts, outreach."""
