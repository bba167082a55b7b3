import { graphql } from '../../gql/index.js';

/** The wards a ward officer may pick on the local sign-in screen. */
export const SignInWardsQuery = graphql(`
  query SignInWards {
    wards {
      id
      name
    }
  }
`);
