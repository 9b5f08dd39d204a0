// A small dashboard table: its caption above it, then column headers (already translated).
import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';

export interface Column {
    label: string;
    align?: 'left' | 'right';
}

interface CaptionedTableProps {
    caption: string;
    columns: (string | Column)[];
    children: ReactNode;
    testId?: string;
}

export const CaptionedTable = ({ caption, columns, children, testId }: CaptionedTableProps) => (
    <Table size="small" data-testid={testId}>
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>{caption}</caption>
        <TableHead>
            <TableRow>
                {columns.map(column => {
                    const { label, align } = typeof column === 'string' ? { label: column, align: undefined } : column;
                    return (
                        <TableCell key={label} component="th" scope="col" align={align}>
                            {label}
                        </TableCell>
                    );
                })}
            </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
    </Table>
);
