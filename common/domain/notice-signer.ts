// Who signs a public notice (公示 / 公告) of a unit: a village 村民委员会, a 社区 居民委员会, a township 人民政府,
// the development zone its 管委会 (the county plan addresses "开发区党工委、管委会"), the county 人民政府.

export interface SignerUnit {
  name: string;
  /** org_unit.kind: 县 / 镇 / 乡 / 开发区 / 行政村 / 社区. */
  kind: string;
}

export function signerOf(u: SignerUnit): string {
  switch (u.kind) {
    case '开发区':
      return `${u.name}管委会`;
    case '社区':
      return `${u.name}居民委员会`;
    case '行政村':
      return `${u.name}村民委员会`;
    default:
      return `${u.name}人民政府`;
  }
}
