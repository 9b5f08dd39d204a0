// The scoreboards from /api/reports, cached under one key each so the dashboard and a goal's page share them.
import { useQuery } from '@tanstack/react-query';
import { useConsoleDataProvider } from '../shared/useConsoleDataProvider';

export const useGoalsReport = () => {
    const dataProvider = useConsoleDataProvider();
    return useQuery({ queryKey: ['reports', 'goals'], queryFn: () => dataProvider.getGoalsReport() });
};

export const useOwnersReport = () => {
    const dataProvider = useConsoleDataProvider();
    return useQuery({ queryKey: ['reports', 'owners'], queryFn: () => dataProvider.getOwnersReport() });
};
