// Published area figures the open-country defaults were calibrated against, with their sources.
// Two definitions, kept apart:
// - IHS Conflict Monitor: territory IS controls in Iraq and Syria together, km², by IHS's
//   "territorial dominance" (ground IS actually holds; empty desert it merely crosses is not
//   counted). Compared with `settled_km2` (ground within reach of places) of the Iraq–Syria
//   scenario.
// - Syrian Observatory for Human Rights (SOHR): each side's share of Syria's 185,180 km², the
//   desert counted for whoever holds the towns and roads in it. Compared with `km2` (all ground,
//   open country included) of the Syria overview.

export interface IhsFigure {
  readonly date: string;
  /** IS territory in Iraq and Syria, km². */
  readonly km2: number;
  readonly source: string;
}

export const IHS_IS_KM2: readonly IhsFigure[] = [
  {
    date: "2015-01-15",
    km2: 90_800,
    source: "IHS press release, 2015-12-21; IHS Markit, 2016-10-09; BBC, 2016-07-10 (January 2015)",
  },
  { date: "2015-06-30", km2: 82_940, source: "IHS Jane's, 2015-07-28 (end of June 2015)" },
  { date: "2015-12-14", km2: 78_000, source: "IHS press release, 2015-12-21" },
  { date: "2016-07-04", km2: 68_300, source: "IHS, via BBC News, 2016-07-10; IHS Markit, 2016-10-09" },
  { date: "2016-10-03", km2: 65_500, source: "IHS Markit press release, 2016-10-09" },
  { date: "2016-12-31", km2: 60_400, source: "IHS Markit press release, 2017-01-18" },
  { date: "2017-06-26", km2: 36_200, source: "IHS Markit, 2017-06-29 (AFP via Firstpost; The Daily Caller)" },
];

export interface SohrFigure {
  readonly date: string;
  /** Share of Syria, per cent, by faction id of the scenarios. */
  readonly percent: Readonly<Record<string, number>>;
  /** `at least`: the figure is a lower bound ("more than half"). */
  readonly atLeast?: boolean;
  readonly source: string;
  /** Why the scenario does not match it, when it does not. */
  readonly unmatched?: string;
}

export const SOHR_SHARES: readonly SohrFigure[] = [
  { date: "2014-07-18", percent: { isis: 35 }, source: "SOHR, via AFP, 2014-07-18" },
  { date: "2015-05-21", percent: { isis: 50 }, atLeast: true, source: "SOHR, via Reuters, 2015-05-21" },
  {
    date: "2017-10-23",
    percent: { isis: 8, regime: 52.7, sdf: 25.4 },
    source: "SOHR figures as reported on 2017-10-23 (14,816 km² IS; 97,540 km² government; 47,100 km² SDF)",
  },
  {
    date: "2018-02-03",
    percent: { isis: 3.7 },
    source: "SOHR, via Al-Bawaba News, 2018-02-04",
    unmatched:
      "IS's January 2018 gains in north-eastern Hama and southern Idlib and its desert pockets are not events of the Syria overview",
  },
];
