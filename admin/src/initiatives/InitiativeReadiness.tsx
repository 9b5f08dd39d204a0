// Readiness during implementation: each unit's latest answer on top (is it ready for the new way
// of working?), every answer below. The service owner reads this before confirming go-live.
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { ReadinessButton } from '../readiness/ReadinessButton';
import { ReadinessColumns } from '../readiness/ReadinessColumns';
import { RecordsTable } from '../shared/RecordsTable';
import { SectionTitle } from '../shared/SectionTitle';
import { useInitiativeRecords } from '../shared/useInitiativeRecords';
import { InitiativeSection } from './InitiativeSection';
import { useInitiativeRules } from './useInitiativeRules';
import type { Initiative, Readiness } from '../shared/types';

const AnswerTable = ({ answers, testId }: { answers: Readiness[]; testId: string }) => (
    <RecordsTable resource="readiness" records={answers} testId={testId}>
        <ReadinessColumns />
    </RecordsTable>
);

export const InitiativeReadiness = () => {
    const initiative = useRecordContext<Initiative>();
    const translate = useTranslate();
    const { maySayReadiness } = useInitiativeRules(initiative);
    const { data: answers = [], isPending } = useInitiativeRecords<Readiness>('readiness', initiative?.id, { field: 'at', order: 'DESC' });
    if (!initiative || isPending) return null;
    // Newest first, so the first answer seen for a unit is its latest.
    const latest = answers.filter((answer, index) => answers.findIndex(other => other.unit === answer.unit) === index);
    const ready = latest.filter(answer => answer.status === 'ready').length;
    const action = maySayReadiness && <ReadinessButton initiative={initiative} />;
    return (
        <InitiativeSection testId="initiative-readiness" intro="app.readiness.intro" none="app.readiness.none" empty={latest.length === 0} action={action}>
            <Typography data-testid="readiness-summary" sx={{ fontWeight: 700 }}>
                {translate('app.readiness.summary', { ready, smart_count: latest.length })}
            </Typography>
            <SectionTitle label="app.readiness.latest" />
            <AnswerTable answers={latest} testId="readiness-latest" />
            {answers.length > latest.length && (
                <>
                    <SectionTitle label="app.readiness.history" />
                    <AnswerTable answers={answers} testId="readiness-history" />
                </>
            )}
        </InitiativeSection>
    );
};
