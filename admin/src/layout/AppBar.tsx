import { AppBar as RaAppBar, LoadingIndicator, TitlePortal, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { LanguageSwitch } from './LanguageSwitch';

/** The button shows the user's name, so its accessible name must contain it (WCAG 2.5.3). */
const AccountMenu = () => {
    const { identity } = useGetIdentity();
    const translate = useTranslate();
    const profile = translate('ra.auth.user_menu');
    return <UserMenu label={identity?.fullName ? `${identity.fullName} – ${profile}` : profile} />;
};

export const AppBar = () => (
    <RaAppBar
        color="secondary"
        userMenu={<AccountMenu />}
        toolbar={
            <>
                <LanguageSwitch />
                <LoadingIndicator />
            </>
        }
    >
        <Typography component="span" sx={{ fontWeight: 700, mr: 2, display: { xs: 'none', md: 'inline' } }}>
            Endringsporten
            <Box component="span" aria-hidden sx={{ mx: 1 }}>
                ·
            </Box>
        </Typography>
        <TitlePortal component="h1" />
    </RaAppBar>
);
