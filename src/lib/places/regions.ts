/**
 * The six socio-economic regions the General Statistics Office groups the 63 pre-2025
 * provinces into, by GSO province code. A unit test checks every province is in exactly one.
 */
export interface Region {
  name: string;
  /** GSO province codes, in GSO order. */
  provinces: readonly string[];
}

export const REGIONS: readonly Region[] = [
  { name: 'Trung du và miền núi phía Bắc', provinces: ['02', '04', '06', '08', '10', '11', '12', '14', '15', '17', '19', '20', '24', '25'] },
  { name: 'Đồng bằng sông Hồng', provinces: ['01', '22', '26', '27', '30', '31', '33', '34', '35', '36', '37'] },
  { name: 'Bắc Trung Bộ và duyên hải miền Trung', provinces: ['38', '40', '42', '44', '45', '46', '48', '49', '51', '52', '54', '56', '58', '60'] },
  { name: 'Tây Nguyên', provinces: ['62', '64', '66', '67', '68'] },
  { name: 'Đông Nam Bộ', provinces: ['70', '72', '74', '75', '77', '79'] },
  { name: 'Đồng bằng sông Cửu Long', provinces: ['80', '82', '83', '84', '86', '87', '89', '91', '92', '93', '94', '95', '96'] },
];
