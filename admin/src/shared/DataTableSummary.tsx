// Text alternative for a chart: the same numbers as a table, behind a native <details> toggle.
import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface SummaryColumn<Row> {
    label: string;
    value: (row: Row) => string | number;
}

interface DataTableSummaryProps<Row> {
    caption: string;
    columns: SummaryColumn<Row>[];
    rows: Row[];
    testId?: string;
}

export const DataTableSummary = <Row,>({ caption, columns, rows, testId }: DataTableSummaryProps<Row>) => {
    const translate = useTranslate();
    return (
        <Box component="details" sx={{ mt: 1 }} data-testid={testId}>
            <Box component="summary" sx={{ cursor: 'pointer', color: 'primary.main', fontWeight: 500 }}>
                {translate('app.chart.show_table')}
            </Box>
            <Table size="small">
                <caption>{caption}</caption>
                <TableHead>
                    <TableRow>
                        {columns.map(column => (
                            <TableCell key={column.label} component="th" scope="col">
                                {column.label}
                            </TableCell>
                        ))}
                    </TableRow>
                </TableHead>
                <TableBody>
                    {rows.map((row, index) => (
                        <TableRow key={index}>
                            {columns.map(column => (
                                <TableCell key={column.label}>{column.value(row)}</TableCell>
                            ))}
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </Box>
    );
};
