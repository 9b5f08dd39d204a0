// A goal: where it comes from, where it sits in the tree, its rolled-up scoreboard and the
// initiatives that serve it (initiatives carry goalIds, derived from goalLinks).
import { DataTable, Labeled, NumberField, BooleanField, ReferenceField, ReferenceManyField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { flattenTree } from '@domain/goals';
import { RelatedInitiatives } from '../initiatives/RelatedInitiatives';
import { GoalScoreCard } from '../dashboard/GoalScoreCard';
import { useGoalsReport } from '../dashboard/useReports';
import { LinkColumn, RecordTable } from '../shared/columns';
import { RecordShow } from '../shared/pages';
import { GoalPeriodField } from './GoalPeriodField';

const GoalScore = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { data } = useGoalsReport();
    const score = flattenTree(data ?? []).find(goal => goal.goalId === record?.id);
    if (!score) return null;
    return (
        <section aria-label={translate('resources.goals.scoreboard')}>
            <GoalScoreCard goal={score} link={false} />
        </section>
    );
};

const NoChildren = () => {
    const translate = useTranslate();
    return <Typography role="status">{translate('resources.goals.no_children')}</Typography>;
};

export const GoalShow = () => (
    <RecordShow>
        <TextField source="code" />
        <TextField source="title" />
        <TextField source="description" />
        <TextField source="plan" emptyText="–" />
        <Labeled source="period" label="resources.goals.fields.period">
            <GoalPeriodField />
        </Labeled>
        <ReferenceField source="parentId" reference="goals" emptyText="–" />
        <ReferenceField source="ownerId" reference="people" link={false} emptyText="–" />
        <NumberField source="weight" />
        <BooleanField source="active" />
        <GoalScore />
        <ReferenceManyField label="resources.goals.fields.children" reference="goals" target="parentId" sort={{ field: 'code', order: 'ASC' }} empty={<NoChildren />}>
            <RecordTable>
                <LinkColumn source="code" />
                <DataTable.Col source="title" />
            </RecordTable>
        </ReferenceManyField>
        <RelatedInitiatives target="goalIds" label="resources.goals.fields.initiatives" emptyMessage="resources.goals.no_initiatives" />
    </RecordShow>
);
