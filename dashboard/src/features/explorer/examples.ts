/** The operations the explorer opens with: the questions leaders and analysts ask most. */
export const EXAMPLE_OPERATIONS: { query: string; variables?: string }[] = [
  {
    query: `# Tổng hợp toàn quận / District summary
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
    variables: JSON.stringify({ period: { from: '2026-01-01T00:00:00.000+07:00', to: '2027-01-01T00:00:00.000+07:00' } }, null, 2),
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
