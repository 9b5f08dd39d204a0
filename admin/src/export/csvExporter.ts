// The exporter of every list: the records as formula-safe CSV (see csv.ts).
import { downloadCSV, type Exporter } from 'react-admin';
import { toCsv } from './csv';

export const csvExporter: Exporter = (records, _fetchRelated, _dataProvider, resource) =>
    // The byte-order mark makes Excel read the file as UTF-8 (æ, ø, å).
    downloadCSV(`\ufeff${toCsv(records)}`, resource);
