"""A throwaway service for the launcher's tests: same process shape as a real service, no business."""
