// Counted nouns for the screen: "1 goal", "3 goals", never "goal(s)".

/** The count and its noun, singular for one: counted(2, 'goal') is "2 goals", counted(1, 'entry', 'entries') "1 entry". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
