import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { DocumentSync } from './DocumentSync';

export const Layout = ({ children }: { children: ReactNode }) => (
    // The content may shrink below its widest child, so wide tables and many tabs scroll in place
    // instead of widening the page.
    <RaLayout appBar={AppBar} menu={Menu} sx={{ '& .RaLayout-content': { minWidth: 0 } }}>
        <DocumentSync />
        {children}
    </RaLayout>
);
