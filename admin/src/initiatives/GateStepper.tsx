// The four gates as a stepper: passed gates done, the current one with its due date and escalation.
import { Box, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatWait } from '../shared/format';
import { WaitingOnField } from '../shared/WaitFields';
import { GATES } from '@domain/types';
import type { Initiative } from '../shared/types';

type StepState = 'completed' | 'current' | 'pending' | 'stopped';

const stepState = (record: Initiative, index: number, current: number): StepState => {
    if (record.status === 'completed' || index < current) return 'completed';
    if (index > current) return 'pending';
    // A draft is being prepared for its first gate.
    return record.status === 'active' || record.status === 'draft' ? 'current' : 'stopped';
};

/** A draft, a revision or a hold says so under the gate's name. */
const StepCaption = ({ record }: { record: Initiative }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const caption =
        record.status === 'draft'
            ? translate('app.gate.draft')
            : record.gateStep === 'revision'
              ? translate('app.gate.revision')
              : record.gateStep === 'hold'
                ? translate('app.gate.hold', { date: formatDate(record.holdUntil ?? undefined, locale) })
                : null;
    if (!caption) return null;
    return (
        <Typography variant="caption" component="span" sx={{ display: 'block', fontWeight: 700 }} data-testid="gate-step-caption">
            {caption}
        </Typography>
    );
};

const escalationColor = (level = 0) => (level >= 2 ? 'error.main' : level === 1 ? 'warning.main' : 'text.secondary');

const CurrentGateDetails = ({ record }: { record: Initiative }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const level = record.escalationLevel ?? 0;
    return (
        <Box component="span" sx={{ display: 'block' }}>
            <StepCaption record={record} />
            {record.gateDueAt && (
                <Typography variant="caption" component="span" sx={{ display: 'block' }} data-testid="gate-due">
                    {translate('app.gate.due', { date: formatDate(record.gateDueAt, locale) })}
                </Typography>
            )}
            {record.gateStep === 'confirmation' && (
                <Typography variant="caption" component="span" sx={{ display: 'block' }} data-testid="gate-confirmation">
                    {translate('app.gate.confirmation')}
                </Typography>
            )}
            {record.gate === 'implementation' && record.progressPercent != null && (
                <Typography variant="caption" component="span" sx={{ display: 'block' }} data-testid="gate-progress">
                    {translate('app.gate.progress', { percent: record.progressPercent })}
                </Typography>
            )}
            <Typography variant="caption" component="span" sx={{ display: 'block' }} data-testid="gate-waiting-on">
                {translate('app.gate.waiting_on')}: <WaitingOnField />
            </Typography>
            {record.gateEnteredAt && (
                <Typography variant="caption" component="span" sx={{ display: 'block' }}>
                    {translate('app.gate.waited', { duration: formatWait(record.gateEnteredAt, translate) })}
                </Typography>
            )}
            <Typography
                variant="caption"
                component="span"
                sx={{ display: 'block', color: escalationColor(level), fontWeight: level ? 700 : 400 }}
                data-testid="gate-escalation"
                data-level={level}
            >
                {translate('app.gate.escalation', { level: translate(`app.enums.escalation.${level}`) })}
            </Typography>
        </Box>
    );
};

export const GateStepper = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    if (!record) return null;
    const current = Math.max(0, GATES.indexOf(record.gate));
    const activeStep = record.status === 'completed' ? GATES.length : current;

    return (
        <Box component="nav" aria-label={translate('app.gate.stepper_label')} sx={{ py: 2 }}>
            <Stepper activeStep={activeStep} alternativeLabel data-testid="gate-stepper" component="ol" sx={{ p: 0, m: 0 }}>
                {GATES.map((gate, index) => {
                    const state = stepState(record, index, current);
                    return (
                        <Step
                            key={gate}
                            completed={state === 'completed'}
                            component="li"
                            data-testid={`gate-step-${gate}`}
                            data-state={state}
                            aria-current={state === 'current' ? 'step' : undefined}
                            sx={{ listStyle: 'none' }}
                        >
                            <StepLabel
                                error={state === 'stopped'}
                                optional={
                                    state === 'current' ? (
                                        <CurrentGateDetails record={record} />
                                    ) : state === 'stopped' ? (
                                        <Typography variant="caption" color="error">
                                            {translate(`app.enums.status.${record.status}`)}
                                        </Typography>
                                    ) : undefined
                                }
                            >
                                {translate(`app.enums.gate.${gate}`)}
                                <Box component="span" sx={visuallyHidden}>
                                    {' – '}
                                    {translate(`app.gate.state.${state}`)}
                                </Box>
                            </StepLabel>
                        </Step>
                    );
                })}
            </Stepper>
        </Box>
    );
};

const visuallyHidden = {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
} as const;
