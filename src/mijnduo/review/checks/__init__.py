"""The service desk's automated checks: each says green, red or unknown, with evidence."""
