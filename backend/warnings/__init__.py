"""Warning models (预警模型): rules with thresholds as data, evaluated incrementally as data arrives."""
