// The head of a small scenario (two factions, Raqqa held by IS) that tests append events to.

export const HEAD = `
id: t
title: T
start: "2017-01-01"
end: "2017-12-31"
theatre: { bbox: [38, 35, 40, 37] }
factions:
  - { id: isis, name: Islamic State, color: "#4d4d4d" }
  - { id: sdf, name: SDF, color: "#f0e442" }
places:
  - { id: raqqa, name: Raqqa, at: [39.00788, 35.95283] }
initial: { isis: [raqqa] }
`;
