"""The results screen: overview, heatmap, team view, pressure points, comments and settings."""
