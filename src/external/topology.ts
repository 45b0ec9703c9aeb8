/**
 * Maelstrom's default broadcast topology: the nodes on a square grid, each
 * linked to its neighbours up, down, left and right.
 *
 * @example
 * gridTopology(['n1', 'n2', 'n3', 'n4']); // { n1: ['n2', 'n3'], n2: ['n1', 'n4'], n3: ['n1', 'n4'], n4: ['n2', 'n3'] }
 */
export function gridTopology(nodes: readonly string[]): Record<string, string[]> {
  const width = Math.max(1, Math.ceil(Math.sqrt(nodes.length)));
  const topology: Record<string, string[]> = {};
  nodes.forEach((node, i) => {
    const [row, col] = [Math.floor(i / width), i % width];
    const neighbours = [[row - 1, col], [row, col - 1], [row, col + 1], [row + 1, col]]
      .filter(([r, c]) => c! >= 0 && c! < width && r! >= 0)
      .map(([r, c]) => nodes[r! * width + c!])
      .filter((other): other is string => other !== undefined);
    topology[node] = neighbours;
  });
  return topology;
}
