/** The operations the explorer opens with: the questions leaders and analysts ask most. */
export const EXAMPLE_OPERATIONS: { query: string }[] = [
  {
    query: `# Tổng hợp toàn quận / District summary
# Năm 2026 (giờ Việt Nam) / the year 2026 in Vietnam: { "period": { "from": "2025-12-31T17:00:00.000Z", "to": "2026-12-31T17:00:00.000Z" } }
query DistrictSummary($period: PeriodInput) {
  summary(period: $period) {
    sessions
    liveSessions
    attendance
    attendanceByCategory { category count }
    wards { ward { name rolloutWave } sessions attendance concerns concernsClosed }
    concerns { open answeredOnSpot inProgress resolved escalated answered }
    tax { rounds businessesEngaged escalatedToCity }
  }
}
`,
  },
  {
    query: `# Các phường theo đợt triển khai / Wards by rollout wave
query Wards {
  wards { id name rolloutWave stats { sessions attendance concerns concernsClosed } }
}
`,
  },
  {
    query: `# Kiến nghị đang chờ Thành phố trả lời / Concerns escalated to the city
query EscalatedConcerns {
  concerns(status: ESCALATED, first: 50) {
    totalCount
    edges { node { topic authority raisedAt ward { name } business { name taxCode } history { from to at note } } }
  }
}
`,
  },
  {
    query: `# Lượt tham dự trực tiếp / Live attendance (subscription)
subscription LiveAttendance {
  attendanceChanged { delta attendance at session { title ward { name } } }
}
`,
  },
];
