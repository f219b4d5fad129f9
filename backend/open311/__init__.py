"""Open311 GeoReport v2: the HTTP endpoint citizen apps and web forms post their reports to."""
