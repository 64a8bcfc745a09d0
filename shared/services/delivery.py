"""Delivery status callbacks: keep each job's latest delivery state, never moving it backwards."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shared.log import logger
from shared.services.ports import Deliveries


@dataclass
class DeliveryService:
    outbox: Deliveries

    def record(self, patient_id: str, job_id: str, sid: str, status: str, now: datetime, error: str = "") -> bool:
        moved = self.outbox.record_delivery(patient_id, job_id, sid, status, now, error)
        logger().info("delivery status", extra={"job_id": job_id, "sid": sid, "status": status, "applied": moved,
                                                "error_code": error})
        return moved
