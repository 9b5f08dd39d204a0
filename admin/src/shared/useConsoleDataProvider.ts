import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';

/** The data provider with the initiative actions and reports typed in. */
export const useConsoleDataProvider = () => useDataProvider<ConsoleDataProvider>();

/** Deployment facts (Temporal UI address, namespace, mailbox); they do not change while the page is open. */
export const useMeta = () => {
    const dataProvider = useConsoleDataProvider();
    return useQuery({ queryKey: ['meta'], queryFn: () => dataProvider.getMeta(), staleTime: Infinity, retry: false });
};
